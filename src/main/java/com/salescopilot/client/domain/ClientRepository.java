package com.salescopilot.client.domain;

import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface ClientRepository extends JpaRepository<Client, Long> {

    @Query("select c from Client c where c.ownerId = :ownerId order by c.updatedAt desc, c.id desc")
    Slice<Client> findOwned(long ownerId, Pageable pageable);

    @Query("select c from Client c order by c.updatedAt desc, c.id desc")
    Slice<Client> findAllNewestFirst(Pageable pageable);

    @Query("select c from Client c where c.ownerId = :ownerId and c.aliasNorm like :pattern order by c.updatedAt desc, c.id desc")
    Slice<Client> searchOwned(long ownerId, String pattern, Pageable pageable);

    @Query("select c from Client c where c.aliasNorm like :pattern order by c.updatedAt desc, c.id desc")
    Slice<Client> searchAll(String pattern, Pageable pageable);

    @Modifying
    @Query(value = "delete from client where id = :id", nativeQuery = true)
    int eraseById(long id);
}

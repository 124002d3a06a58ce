package com.salescopilot.session.domain;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface SessionRepository extends JpaRepository<SalesSession, Long> {

    /** Locks the session row so that concurrent writers (a new interaction, a conclusion) go one at a time. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select s from SalesSession s where s.id = :id")
    Optional<SalesSession> findForUpdate(long id);
}

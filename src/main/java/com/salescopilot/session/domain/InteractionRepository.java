package com.salescopilot.session.domain;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface InteractionRepository extends JpaRepository<Interaction, Long> {

    @Query("select i from Interaction i where i.sessionId = :sessionId order by i.id")
    List<Interaction> findBySessionInOrder(long sessionId);
}

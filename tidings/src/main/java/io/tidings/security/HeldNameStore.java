package io.tidings.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/** {@link HeldName}s on the default datasource. */
@ApplicationScoped
class HeldNameStore {

    @PersistenceContext(unitName = "tidings")
    EntityManager em;

    @Transactional
    public void store(String name) {
        if (em.find(HeldName.class, name) == null) {
            em.persist(new HeldName(name));
        }
    }

    @Transactional
    public boolean contains(String name) {
        return em.find(HeldName.class, name) != null;
    }
}

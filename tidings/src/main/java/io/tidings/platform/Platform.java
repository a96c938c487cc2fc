package io.tidings.platform;

import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

/**
 * The container's default resources by their standard JNDI names (Jakarta EE 10, EE.5.21 and
 * Concurrency 3.0). Tidings looks them up instead of injecting them with {@code @Resource}:
 * Payara 6 binds no {@code java:comp/env} entry for a {@code @Resource} field of a CDI bean in a
 * {@code WEB-INF/lib} jar and fails the deployment ("Lookup failed for
 * 'java:comp/env/<class>/<field>'"), which is where the Tidings jar lives in an application's WAR.
 * Call these when a bean is created ({@code @PostConstruct}), on a container thread.
 */
public final class Platform {

    public static final String EXECUTOR = "java:comp/DefaultManagedExecutorService";
    public static final String SCHEDULER = "java:comp/DefaultManagedScheduledExecutorService";
    public static final String THREAD_FACTORY = "java:comp/DefaultManagedThreadFactory";
    public static final String DATA_SOURCE = "java:comp/DefaultDataSource";

    private Platform() {
    }

    public static ManagedExecutorService executor() {
        return lookup(EXECUTOR, ManagedExecutorService.class);
    }

    public static ManagedScheduledExecutorService scheduler() {
        return lookup(SCHEDULER, ManagedScheduledExecutorService.class);
    }

    public static ManagedThreadFactory threadFactory() {
        return lookup(THREAD_FACTORY, ManagedThreadFactory.class);
    }

    /** The default datasource: the one the {@code tidings} persistence unit uses. */
    public static DataSource dataSource() {
        return lookup(DATA_SOURCE, DataSource.class);
    }

    private static <T> T lookup(String name, Class<T> type) {
        try {
            return type.cast(InitialContext.doLookup(name));
        } catch (NamingException e) {
            throw new IllegalStateException("the container has no " + name + " (" + type.getSimpleName() + ")", e);
        }
    }
}

package io.tidings.handlers;

import io.tidings.support.Deployments;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertThrows;

/** A WAR whose handlers break the rules must not deploy. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HandlerValidationIT {

    @Deployment(name = "duplicate", managed = false, testable = false)
    static WebArchive duplicate() {
        return Deployments.war("duplicate.war").addClasses(DuplicateHandlers.class, DuplicateHandlers.First.class, DuplicateHandlers.Second.class);
    }

    @Deployment(name = "builtin", managed = false, testable = false)
    static WebArchive builtIn() {
        return Deployments.war("builtin.war").addClasses(DuplicateHandlers.class, DuplicateHandlers.BuiltIn.class);
    }

    @ArquillianResource
    Deployer deployer;

    @Test
    void twoHandlersForOneTypeFailTheDeployment() {
        assertThrows(Exception.class, () -> deployer.deploy("duplicate"));
    }

    @Test
    void aHandlerForABuiltInTypeFailsTheDeployment() {
        assertThrows(Exception.class, () -> deployer.deploy("builtin"));
    }
}

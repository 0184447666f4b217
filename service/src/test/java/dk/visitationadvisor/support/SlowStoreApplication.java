package dk.visitationadvisor.support;

import dk.visitationadvisor.VisitationAdvisorApplication;
import dk.visitationadvisor.casehistory.AssessmentStore;
import dk.visitationadvisor.casehistory.StoredAssessment;
import dk.visitationadvisor.ruleengine.RuleSet;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service with a slow case history: each save waits {@code advisor.test.save-delay-ms} before it
 * writes, so that a test can hold requests in flight while it stops the service.
 */
@Configuration(proxyBeanMethods = false)
public class SlowStoreApplication {

    public static void main(String[] args) {
        new SpringApplicationBuilder(VisitationAdvisorApplication.class, SlowStoreApplication.class).run(args);
    }

    @Bean
    static BeanPostProcessor slowSaves(org.springframework.core.env.Environment environment) {
        long delay = environment.getProperty("advisor.test.save-delay-ms", Long.class, 0L);
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (!(bean instanceof AssessmentStore store)) {
                    return bean;
                }
                return Proxy.newProxyInstance(SlowStoreApplication.class.getClassLoader(),
                        new Class<?>[] {AssessmentStore.class}, (proxy, method, arguments) -> {
                            if (method.getName().equals("save") && arguments[0] instanceof StoredAssessment
                                    && arguments[1] instanceof RuleSet) {
                                Thread.sleep(delay);
                            }
                            try {
                                return method.invoke(store, arguments);
                            } catch (InvocationTargetException e) {
                                throw e.getCause();
                            }
                        });
            }
        };
    }
}

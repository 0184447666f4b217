package dk.visitationadvisor;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class VisitationAdvisorApplication {

    public static void main(String[] args) {
        SpringApplication.run(VisitationAdvisorApplication.class, args);
    }

    /**
     * The clock that decides "today", replaceable in tests. It ticks in milliseconds, so that every
     * time the API answers has one precision, whether just made or read back from the database.
     */
    @Bean
    Clock clock() {
        return Clock.tickMillis(ZoneId.systemDefault());
    }
}

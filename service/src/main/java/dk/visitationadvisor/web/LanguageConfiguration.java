package dk.visitationadvisor.web;

import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/** Danish for caseworkers by default; English when Accept-Language asks for it. */
@Configuration(proxyBeanMethods = false)
class LanguageConfiguration {

    static final Locale DANISH = Locale.forLanguageTag("da");

    @Bean
    LocaleResolver localeResolver() {
        AcceptHeaderLocaleResolver resolver = new AcceptHeaderLocaleResolver();
        resolver.setSupportedLocales(List.of(DANISH, Locale.ENGLISH));
        resolver.setDefaultLocale(DANISH);
        return resolver;
    }
}

package dk.visitationadvisor.platform.http;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Danish for caseworkers by default. The API answers in English when Accept-Language asks for it;
 * the caseworker's pages when the user chooses English ({@code ?lang=en}, kept in a cookie).
 */
@Configuration(proxyBeanMethods = false)
class LanguageConfiguration implements WebMvcConfigurer {

    static final Locale DANISH = Locale.forLanguageTag("da");
    static final List<Locale> SUPPORTED = List.of(DANISH, Locale.ENGLISH);
    static final String API = "/api/";

    @Bean
    LocaleResolver localeResolver() {
        return new ApiOrPageLocaleResolver();
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor languageChoice = new LocaleChangeInterceptor();
        languageChoice.setParamName("lang");
        languageChoice.setIgnoreInvalidLocale(true);
        // Not on the error page: its request may be a form refused for its size, whose body is not to be read.
        registry.addInterceptor(languageChoice).excludePathPatterns(API + "**", "/error");
    }

    /** The API's requests by their Accept-Language header; the pages by the user's choice. */
    static final class ApiOrPageLocaleResolver implements LocaleResolver {

        private final AcceptHeaderLocaleResolver api = new AcceptHeaderLocaleResolver();
        private final CookieLocaleResolver pages = new CookieLocaleResolver("advisor-language");

        ApiOrPageLocaleResolver() {
            api.setSupportedLocales(SUPPORTED);
            api.setDefaultLocale(DANISH);
            pages.setDefaultLocaleFunction(request -> DANISH);
            pages.setCookieHttpOnly(true);
            pages.setCookieSameSite("Lax");
            pages.setLanguageTagCompliant(true);
        }

        @Override
        public Locale resolveLocale(HttpServletRequest request) {
            return isApi(request) ? api.resolveLocale(request) : supported(pages.resolveLocale(request));
        }

        @Override
        public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
            if (!isApi(request)) {
                pages.setLocale(request, response, locale == null ? null : supported(locale));
            }
        }

        private static boolean isApi(HttpServletRequest request) {
            return request.getRequestURI().startsWith(request.getContextPath() + API);
        }

        private static Locale supported(Locale locale) {
            return SUPPORTED.stream().filter(s -> s.getLanguage().equals(locale.getLanguage())).findFirst()
                    .orElse(DANISH);
        }
    }
}

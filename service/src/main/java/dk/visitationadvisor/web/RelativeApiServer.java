package dk.visitationadvisor.web;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.servers.Server;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document names its server as "/", relative to wherever it was fetched from: springdoc
 * would otherwise write the request's Host header (or a forwarded host) into it, for any caller to set.
 */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(servers = @Server(url = "/", description = "This service, where this document was read"))
class RelativeApiServer {
}

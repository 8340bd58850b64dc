package cn.hlj.remoteeval.security.internal;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;

/**
 * Hands the user Spring Security authenticated to the engine REST API and to the webapps, with the
 * groups {@link EngineIdentityFilter} left for the request. Camunda instantiates this class by name, so it holds
 * no state and reads everything from the request.
 */
public class SpringSecurityEngineAuthentication implements AuthenticationProvider {

    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
        EngineIdentity identity = EngineIdentity.of(request);
        if (identity == null) {
            return AuthenticationResult.unsuccessful();
        }
        AuthenticationResult result = AuthenticationResult.successful(identity.userId());
        result.setGroups(identity.groupIds());
        // The application uses no tenants; an empty list keeps the engine from looking them up per request.
        result.setTenants(List.of());
        return result;
    }

    @Override
    public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
        // Spring Security answers unauthenticated requests before they get here.
    }
}

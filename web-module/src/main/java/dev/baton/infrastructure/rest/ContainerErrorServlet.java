package dev.baton.infrastructure.rest;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The error page (web.xml) for answers the servlet container gives before JAX-RS sees a request:
 * 401 for missing or wrong credentials, 403 for a user without any Baton role, and errors outside
 * {@code /api}. They are {@code application/problem+json} like every other API error; headers the
 * container set (the {@code WWW-Authenticate} challenge) stay.
 */
@WebServlet(name = "ContainerErrors", urlPatterns = ContainerErrorServlet.PATH)
public class ContainerErrorServlet extends HttpServlet {

    static final String PATH = "/baton-error";

    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean errorDispatch = request.getDispatcherType() == DispatcherType.ERROR;
        int status = errorDispatch ? statusOf(request) : 404;
        String instance = errorDispatch
                ? (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI)
                : request.getRequestURI();
        response.setStatus(status);
        response.setContentType(Problems.MEDIA_TYPE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(problem(status, instance, hasApiRole(request)));
    }

    private static int statusOf(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        return code instanceof Integer status ? status : 500;
    }

    private static boolean hasApiRole(HttpServletRequest request) {
        return request.isUserInRole("admin") || request.isUserInRole("submitter") || request.isUserInRole("worker");
    }

    private static String problem(int status, String instance, boolean hasApiRole) {
        return switch (status) {
            case 401 -> Problems.json(
                    401,
                    "unauthorized",
                    "Unauthorized",
                    "missing or wrong credentials: use HTTP Basic authentication (realm \"Baton\")",
                    instance);
            case 403 -> Problems.json(
                    403,
                    "forbidden",
                    "Forbidden",
                    hasApiRole
                            ? "access to this resource is not allowed"
                            : "your account has none of the roles admin, submitter, worker that the API requires",
                    instance);
            default -> {
                Response.StatusType type = Response.Status.fromStatusCode(status);
                yield Problems.json(
                        status,
                        "http-" + status,
                        type == null ? "HTTP " + status : type.getReasonPhrase(),
                        null,
                        instance);
            }
        };
    }
}

package io.gwctl.cli.cluster;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.gwctl.cli.ExitCodes;
import io.gwctl.cli.UserException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import javax.net.ssl.SSLException;

/**
 * What went wrong talking to the API server, as one line a user can act on (exit 2): the server cannot be
 * reached, refuses the credentials, forbids the read, or does not serve the kind (Istio's CRDs not installed).
 */
final class ClusterErrors {

    private ClusterErrors() {
    }

    /**
     * @param e     what the client threw
     * @param kind  what was being read
     * @param scope {@code namespace web} or {@code all namespaces}
     */
    static UserException describe(KubernetesClientException e, ClusterKind kind, String scope, ClusterConnection cluster) {
        String server = cluster.server();
        String reading = "list " + kind.resourceName() + " in " + scope;
        String detail = e.getStatus() != null && e.getStatus().getMessage() != null
                ? e.getStatus().getMessage() : ClusterConnection.firstLine(e.getMessage());
        if (e.getCode() <= 0) {
            return new UserException(ExitCodes.USAGE, unreachable(e, server, cluster.context()));
        }
        String message = switch (e.getCode()) {
            case 401 -> "the API server " + server + " does not accept the credentials of context " + cluster.context()
                    + " (401 Unauthorized); log in again or check the kubeconfig's user";
            case 403 -> "forbidden: cannot " + reading + " (403): " + ClusterConnection.firstLine(detail);
            case 404 -> kind.istio()
                    ? "the cluster does not serve " + kind.group() + " " + kind.kind() + " (404 for " + String.join(", ", kind.versions())
                            + "): Istio's CRDs are not installed"
                    : "the API server " + server + " does not serve " + kind.resourceName() + " (404)";
            default -> "the API server " + server + " answered " + e.getCode() + " to " + reading + ": "
                    + ClusterConnection.firstLine(detail);
        };
        return new UserException(ExitCodes.USAGE, message);
    }

    private static String unreachable(Throwable e, String server, String context) {
        String why = ClusterConnection.firstLine(e.getMessage());
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException) {
                why = "connection refused";
                break;
            }
            if (t instanceof HttpConnectTimeoutException) {
                why = "connection timed out";
                break;
            }
            if (t instanceof HttpTimeoutException || t instanceof InterruptedIOException) {
                why = "no answer in time";
                break;
            }
            if (t instanceof UnknownHostException) {
                why = "unknown host " + t.getMessage();
                break;
            }
            if (t instanceof SSLException) {
                why = "TLS failed: " + ClusterConnection.firstLine(t.getMessage());
                break;
            }
        }
        return "cannot reach the API server " + server + " of context " + context + ": " + why;
    }
}

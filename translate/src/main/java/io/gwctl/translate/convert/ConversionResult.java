package io.gwctl.translate.convert;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;

/**
 * What a converter produced: Istio objects (fabric8's {@code networking.istio.io/v1} classes; the CLI
 * writes them in the API version the user asks for) and what it had to say.
 *
 * @param objects       Gateways, VirtualServices, DestinationRules and ServiceEntries, in any order
 * @param notifications dropped or approximated fields
 * @param failures      sources nothing useful could be produced from, each a one-line reason
 */
public record ConversionResult(List<HasMetadata> objects, List<Notification> notifications, List<Notification> failures) {

    public ConversionResult {
        objects = List.copyOf(objects);
        notifications = List.copyOf(notifications);
        failures = List.copyOf(failures);
    }
}

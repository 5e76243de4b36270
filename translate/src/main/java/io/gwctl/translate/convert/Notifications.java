package io.gwctl.translate.convert;

import io.gwctl.model.resource.Resource;
import java.util.ArrayList;
import java.util.List;

/** Collects the notifications of one conversion run; passed in, never a global. */
public final class Notifications {

    private final List<Notification> all = new ArrayList<>();

    /** Notes that {@code field} of {@code source} was dropped or approximated. */
    public void add(Notification.Level level, Resource source, String field, String message) {
        all.add(new Notification(level, source.origin().source(), source.origin().at(field).line(),
                source.key().toString(), field, message));
    }

    public void warn(Resource source, String field, String message) {
        add(Notification.Level.WARN, source, field, message);
    }

    public void info(Resource source, String field, String message) {
        add(Notification.Level.INFO, source, field, message);
    }

    public List<Notification> all() {
        return List.copyOf(all);
    }

    public boolean hasWarnings() {
        return all.stream().anyMatch(n -> n.level() == Notification.Level.WARN);
    }
}

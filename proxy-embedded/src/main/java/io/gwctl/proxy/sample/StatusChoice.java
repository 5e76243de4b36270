package io.gwctl.proxy.sample;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The status a {@code /status/{codes}} request answers with, as httpbin reads {@code codes}
 * (postmanlabs/httpbin httpbin/core.py {@code view_status_code}): one code ({@code 503}), or a random pick from a
 * comma list, each code optionally weighted ({@code 200,503} is an even pick, {@code 200:0.9,503:0.1} mostly
 * 200). Codes must lie in 100-599.
 *
 * @param choices the codes with their weights, never empty
 */
record StatusChoice(List<Weighted> choices) {

    /** One code of the list and its weight (1 unless given). */
    record Weighted(int code, double weight) {
    }

    StatusChoice {
        choices = List.copyOf(choices);
        if (choices.isEmpty()) {
            throw new IllegalArgumentException("no status code");
        }
    }

    /** Reads {@code spec}; empty when it is not a valid list of codes. */
    static Optional<StatusChoice> parse(String spec) {
        List<Weighted> choices = new ArrayList<>();
        double total = 0;
        for (String item : spec.split(",", -1)) {
            int colon = item.indexOf(':');
            String code = colon < 0 ? item : item.substring(0, colon);
            String weight = colon < 0 ? "1" : item.substring(colon + 1);
            if (!code.matches("[1-5][0-9]{2}") || !weight.matches("[0-9]+(\\.[0-9]+)?")) {
                return Optional.empty();
            }
            Weighted choice = new Weighted(Integer.parseInt(code), Double.parseDouble(weight));
            choices.add(choice);
            total += choice.weight();
        }
        return total > 0 ? Optional.of(new StatusChoice(choices)) : Optional.empty();
    }

    /** The status of this request: the only code, or a pick in proportion to the weights. */
    HttpResponseStatus pick(RandomGenerator random) {
        double total = choices.stream().mapToDouble(Weighted::weight).sum();
        double point = random.nextDouble() * total;
        Weighted picked = choices.get(0);
        for (Weighted choice : choices) {
            if (choice.weight() > 0) {
                picked = choice;
                point -= choice.weight();
                if (point < 0) {
                    break;
                }
            }
        }
        return HttpResponseStatus.valueOf(picked.code());
    }
}

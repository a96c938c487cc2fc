package io.tidings.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import io.tidings.protocol.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.Comparator;
import java.util.concurrent.TimeUnit;

/**
 * {@code /api/metrics}: Prometheus text by default, JSON for {@code Accept: application/json}
 * (or at {@code /api/metrics/json}). Not behind a credential, like most scrape endpoints; put it
 * behind the network or the container's security when that matters.
 */
@Path("metrics")
@RequestScoped
public class MetricsResource {

    static final String PROMETHEUS = "text/plain; version=0.0.4; charset=utf-8";

    @Inject
    Metrics metrics;

    /** Prometheus text unless the client asks for JSON only; decided here so both JAX-RS implementations agree. */
    @GET
    public Response scrape(@HeaderParam(HttpHeaders.ACCEPT) String accept) {
        boolean json = accept != null && accept.contains(MediaType.APPLICATION_JSON) && !accept.contains("text/plain");
        return json ? Response.ok(json(), MediaType.APPLICATION_JSON_TYPE).build()
                : Response.ok(metrics.prometheus(), PROMETHEUS).build();
    }

    @GET
    @Path("json")
    @Produces(MediaType.APPLICATION_JSON)
    public String json() {
        JsonObjectBuilder json = Json.createObjectBuilder();
        metrics.registry().getMeters().stream().sorted(Comparator.comparing(m -> m.getId().getName()))
                .forEach(meter -> json.add(meter.getId().getName(), value(meter)));
        return json.build().toString();
    }

    private static jakarta.json.JsonValue value(Meter meter) {
        if (meter instanceof Counter counter) {
            return Json.createValue((long) counter.count());
        }
        if (meter instanceof Gauge gauge) {
            double value = gauge.value();
            return value == Math.rint(value) ? Json.createValue((long) value) : Json.createValue(value);
        }
        if (meter instanceof Timer timer) {
            return Json.createObjectBuilder().add("count", timer.count())
                    .add("meanSeconds", timer.mean(TimeUnit.SECONDS))
                    .add("maxSeconds", timer.max(TimeUnit.SECONDS))
                    .add("totalSeconds", timer.totalTime(TimeUnit.SECONDS)).build();
        }
        return Json.createValue(meter.getId().getType().name().toLowerCase(java.util.Locale.ROOT));
    }
}

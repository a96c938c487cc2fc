package io.tidings.bench;

import java.util.Map;

/**
 * The load generator's entry point: {@code Bench <scenario> [--option value ...]}. Runs one
 * scenario against a running server and writes its result (see {@link Options#USAGE}).
 */
public final class Bench {

    private static final Map<String, Scenario> SCENARIOS = Map.of(
            "idle", new IdleScenario(),
            "rooms", new RoomsScenario(),
            "fanout", new FanoutScenario(),
            "churn", new ChurnScenario(),
            "notify", new NotifyScenario());

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException wrong) {
            System.err.println(wrong.getMessage());
            System.exit(2);
            return;
        }
        Scenario scenario = SCENARIOS.get(options.scenario());
        if (scenario == null) {
            System.err.println("unknown scenario '" + options.scenario() + "': use one of " + SCENARIOS.keySet()
                    + "\n" + Options.USAGE);
            System.exit(2);
        }
        Report report = new Report(options);
        System.out.println("scenario " + options.scenario() + " against " + options.url());
        scenario.run(options, report);
        report.write();
        System.exit(0);
    }
}

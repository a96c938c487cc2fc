package io.tidings.bench;

/** One benchmark scenario. It fills the report and stops by itself, whatever the server does. */
interface Scenario {
    void run(Options options, Report report) throws Exception;
}

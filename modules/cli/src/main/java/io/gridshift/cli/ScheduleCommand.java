package io.gridshift.cli;

import io.gridshift.domain.error.InvalidFieldException;
import io.gridshift.domain.site.GridZone;
import io.gridshift.optimizer.schedule.DayAheadScheduler;
import io.gridshift.optimizer.schedule.Network;
import io.gridshift.optimizer.schedule.Policy;
import io.gridshift.optimizer.schedule.Scenario;
import io.gridshift.optimizer.schedule.ScenarioReport;
import io.gridshift.optimizer.schedule.ScheduleCsv;
import io.gridshift.optimizer.schedule.ScheduleJob;
import io.gridshift.optimizer.schedule.ScheduleOptions;
import io.gridshift.optimizer.schedule.ScheduleSite;
import io.gridshift.optimizer.schedule.SlotGrid;
import io.gridshift.optimizer.signals.Carbon2022;
import io.gridshift.optimizer.signals.ForecastModels;
import io.gridshift.optimizer.signals.PriceModel;
import io.gridshift.optimizer.signals.SignalCsv;
import io.gridshift.optimizer.signals.ZoneInfo;
import io.gridshift.optimizer.signals.ZoneSignal;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gridshift schedule}: the scenario runner. Plans a jobs file on a fleet with a policy on
 * forecasts, scores the plan on the actual signals and prints cost and emissions against running
 * every job at arrival at its origin, in total, per zone and per job class.
 */
@Command(
        name = "schedule",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Plans jobs day-ahead with a policy on forecast signals, scores the plan on the actuals"
                    + " and prints cost and emissions against run-at-arrival at origin.",
            "File formats: modules/cli/README.md. Zones without a --signals file use the shipped"
                    + " 2022 Electricity Maps carbon data (ODbL) with synthetic prices.",
        })
public final class ScheduleCommand implements Callable<Integer> {
    @Option(names = "--jobs", required = true, description = "Jobs CSV (UTC times).")
    Path jobs;

    @Option(names = "--sites", required = true, description = "Sites CSV.")
    Path sites;

    @Option(
            names = "--signals",
            description = "Signal CSV(s): time_utc,zone,price_per_mwh,carbon_g_per_kwh.")
    List<Path> signals = new ArrayList<>();

    @Option(
            names = "--start",
            description = "Plan start, UTC (default: first arrival, on the hour).")
    Instant start;

    @Option(
            names = "--hours",
            defaultValue = "48",
            description = "Horizon, 1-48 h. Default: ${DEFAULT-VALUE}.")
    int hours;

    @Option(
            names = "--slot",
            defaultValue = "PT1H",
            description = "PT15M or PT1H. Default: ${DEFAULT-VALUE}.")
    Duration slot;

    @Option(
            names = "--policy",
            defaultValue = "BOTH",
            description = "RUN_AT_ARRIVAL, TEMPORAL, SPATIAL or BOTH. Default: ${DEFAULT-VALUE}.")
    Policy policy;

    @Option(
            names = "--window",
            defaultValue = "PT24H",
            description = "Longest hold past arrival (TEMPORAL, BOTH). Default: ${DEFAULT-VALUE}.")
    Duration window;

    @Option(
            names = "--forecast",
            defaultValue = "perfect",
            description = "perfect, persistence or ar1:SIGMA:PHI:SEED. Default: ${DEFAULT-VALUE}.")
    String forecast;

    @Option(
            names = "--carbon-price",
            defaultValue = "100",
            description =
                    "Carbon price per tonne CO2eq in the objective. Default: ${DEFAULT-VALUE}.")
    double carbonPrice;

    @Option(
            names = "--transfer-gbps",
            defaultValue = "10",
            description = "Bandwidth for a job's data between sites. Default: ${DEFAULT-VALUE}.")
    double transferGbps;

    @Option(
            names = "--cost-per-gb",
            defaultValue = "0.02",
            description = "Transfer cost per GB moved. Default: ${DEFAULT-VALUE}.")
    double costPerGb;

    @Option(names = "--headroom", description = "ZONE=KW grid headroom of a zone (repeatable).")
    Map<String, Double> headroom = new HashMap<>();

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try {
            Scenario s = scenario();
            Scenario.Result r = s.run(new DayAheadScheduler());
            out.print(ScenarioReport.format(s, r));
            out.flush();
            return 0;
        } catch (InvalidFieldException e) {
            throw new BadConfiguration("schedule", e.getMessage());
        } catch (UncheckedIOException e) {
            throw new BadConfiguration("schedule", "cannot read " + e.getCause().getMessage());
        }
    }

    Scenario scenario() {
        List<ScheduleJob> jobList = ScheduleCsv.readJobs(jobs);
        List<ScheduleSite> siteList = ScheduleCsv.readSites(sites);
        Map<GridZone, ZoneSignal> actuals = new HashMap<>();
        for (Path f : signals) {
            actuals.putAll(SignalCsv.read(f));
        }
        Map<GridZone, ZoneInfo> zones = new HashMap<>();
        for (ScheduleSite s : siteList) {
            // a zone without a file: the shipped 2022 data (an unknown zone is named in the error)
            actuals.computeIfAbsent(s.zone(), z -> Carbon2022.load().signal(z, PriceModel.DEFAULT));
            zones.put(s.zone(), ZoneInfo.unlimited(s.zone()));
        }
        headroom.forEach((z, kw) -> zones.put(GridZone.of(z), new ZoneInfo(GridZone.of(z), kw, 0)));
        Instant from = start != null ? start : firstArrival(jobList);
        SlotGrid grid = new SlotGrid(from, slot, (int) (hours * 3600L / slot.toSeconds()));
        ScheduleOptions options =
                ScheduleOptions.of(policy).withWindow(window).withCarbonPrice(carbonPrice);
        Network net = new Network(transferGbps, Carbon2022.latency(), 150, costPerGb);
        return new Scenario(
                grid,
                siteList,
                jobList,
                actuals,
                zones,
                net,
                options,
                ForecastModels.parse(forecast));
    }

    private static Instant firstArrival(List<ScheduleJob> jobs) {
        Instant first =
                jobs.stream()
                        .map(ScheduleJob::arrival)
                        .min(Instant::compareTo)
                        .orElseThrow(
                                () ->
                                        new InvalidFieldException(
                                                "jobs", "size", 0, "must hold a job"));
        return Instant.ofEpochSecond(first.getEpochSecond() / 3600 * 3600);
    }
}

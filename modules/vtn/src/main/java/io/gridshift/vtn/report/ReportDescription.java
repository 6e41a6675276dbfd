package io.gridshift.vtn.report;

/**
 * One data point a VEN offers in a registered report ({@code oadrReportDescription}).
 *
 * @param rId the point's id within the report
 * @param reportType e.g. {@code usage}, {@code demand}, {@code x-resourceStatus}
 * @param readingType e.g. {@code Direct Read}
 * @param unit its item's units (e.g. {@code W}, with its SI prefix, e.g. {@code kW}); null if none
 * @param resourceId the resource it measures, if named
 * @param minPeriod the shortest sampling period it supports (ISO-8601); null if not said
 * @param maxPeriod the longest; null if not said
 */
public record ReportDescription(
        String rId,
        String reportType,
        String readingType,
        String unit,
        String resourceId,
        String minPeriod,
        String maxPeriod) {}

/**
 * What-if sweeps: the same seeded traffic replayed under several event source mapping and function configurations,
 * one harness per configuration, side by side on a bounded pool of threads, with the figures a team compares when it
 * tunes a Kinesis consumer (errors, throttles, iterator age, records processed and waiting, on-failure messages) and
 * an estimated Lambda cost (rule 19.3, Power Tuning's memory what-if):
 *
 * <pre>{@code
 * WhatIfReport report = WhatIf.of(traffic, (harness, configuration) -> new MyHandler(harness.clock()))
 *         .configurations(before, after)
 *         .run();
 * System.out.println(report.table());
 * }</pre>
 */
package io.github.streamharness.whatif;

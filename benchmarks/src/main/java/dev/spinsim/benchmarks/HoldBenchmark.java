package dev.spinsim.benchmarks;

import dev.spinsim.core.event.EventHandler;
import dev.spinsim.core.event.Simulator;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * The classic hold model: {@code pending} events in the queue; each fired event schedules itself
 * again at now + a delay drawn from a fixed pre-generated array (exponential, mean 100 ns, in ps),
 * so the queue size stays constant. Scores are events per second ({@link OperationsPerInvocation}).
 * {@code engine} is spinsim's {@link Simulator}; {@code priorityQueueBaseline} is the
 * straightforward engine: a {@link PriorityQueue} of event objects, one new object per schedule.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class HoldBenchmark {
    static final int EVENTS_PER_INVOCATION = 1 << 20;
    private static final int DELAY_COUNT = 1 << 16;
    private static final double MEAN_DELAY_PS = 100_000;

    @Param({"1024", "65536", "1048576"})
    int pending;

    /** Wheel bucket width of the engine, log2 ps (the baseline ignores it); for tuning runs. */
    @Param({"6"})
    int bucketWidthLog2;

    private Simulator sim;
    private HoldHandler hold;
    private BaselineEngine baseline;

    /** Delays drawn once from a seeded exponential distribution, shared by both engines. */
    static long[] delays() {
        SplittableRandom rnd = new SplittableRandom(20_240_601L);
        long[] d = new long[DELAY_COUNT];
        for (int i = 0; i < d.length; i++) {
            d[i] = 1 + (long) (-MEAN_DELAY_PS * Math.log(1.0 - rnd.nextDouble()));
        }
        return d;
    }

    @Setup
    public void setup(BenchmarkParams params) {
        long[] delays = delays();
        if (params.getBenchmark().endsWith("priorityQueueBaseline")) {
            baseline = new BaselineEngine(delays);
            for (int i = 0; i < pending; i++) {
                baseline.schedule(delays[i & (DELAY_COUNT - 1)], 0, i);
            }
        } else {
            sim = new Simulator(bucketWidthLog2, Simulator.DEFAULT_BUCKET_COUNT_LOG2);
            hold = new HoldHandler(delays);
            for (int i = 0; i < pending; i++) {
                sim.schedule(delays[i & (DELAY_COUNT - 1)], 0, hold, i);
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS_PER_INVOCATION)
    public long engine() {
        sim.runEvents(EVENTS_PER_INVOCATION);
        return sim.nowPs();
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS_PER_INVOCATION)
    public long priorityQueueBaseline() {
        baseline.runEvents(EVENTS_PER_INVOCATION);
        return baseline.nowPs;
    }

    /** Each event reschedules itself after the next pre-generated delay. */
    static final class HoldHandler implements EventHandler {
        private final long[] delays;
        private int next;

        HoldHandler(long[] delays) {
            this.delays = delays;
        }

        @Override
        public void handle(Simulator s, long timePs, long payload) {
            s.schedule(timePs + delays[next++ & (DELAY_COUNT - 1)], 0, this, payload);
        }
    }

    /** The baseline's event: an object per scheduled event, ordered by (time, priority, sequence). */
    static final class Event implements Comparable<Event> {
        final long timePs;
        final int priority;
        final long seq;
        final long payload;

        Event(long timePs, int priority, long seq, long payload) {
            this.timePs = timePs;
            this.priority = priority;
            this.seq = seq;
            this.payload = payload;
        }

        @Override
        public int compareTo(Event o) {
            int c = Long.compare(timePs, o.timePs);
            if (c != 0) {
                return c;
            }
            c = Integer.compare(priority, o.priority);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }

    /** A straightforward PriorityQueue engine running the same hold model. */
    static final class BaselineEngine {
        private final PriorityQueue<Event> queue = new PriorityQueue<>();
        private final long[] delays;
        private int next;
        private long seq;
        long nowPs;

        BaselineEngine(long[] delays) {
            this.delays = delays;
        }

        void schedule(long timePs, int priority, long payload) {
            queue.add(new Event(timePs, priority, seq++, payload));
        }

        void runEvents(long n) {
            for (long i = 0; i < n; i++) {
                Event e = queue.poll();
                nowPs = e.timePs;
                schedule(nowPs + delays[next++ & (DELAY_COUNT - 1)], 0, e.payload);
            }
        }
    }
}

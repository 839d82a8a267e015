package org.melanogans.engine.metrics;

/** One {@link ChannelMetrics} per colour channel; serialized as {@code {"r":…, "g":…, "b":…}}. */
public record PerChannel(ChannelMetrics r, ChannelMetrics g, ChannelMetrics b) {

    /** Channel 0 = R, 1 = G, 2 = B. */
    public ChannelMetrics get(int channel) {
        return switch (channel) {
            case 0 -> r;
            case 1 -> g;
            case 2 -> b;
            default -> throw new IndexOutOfBoundsException("channel " + channel);
        };
    }
}

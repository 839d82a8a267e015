package org.melanogans.engine.shard;

import java.nio.file.Path;
import java.util.List;
import org.melanogans.engine.Json;

/**
 * {@code shard.json} in a run folder: the run holds only the units of one shard, and will not be
 * the experiment's latest until {@code gan:merge} combines it with the others.
 *
 * @param index    1..count
 * @param count    the number of shards
 * @param planHash the plan every shard of the run must share
 * @param units    the units this shard runs ("dcgan seed 42", ...)
 * @param host     the machine that ran it
 */
public record ShardRecord(int index, int count, String planHash, List<String> units, String host) {
    public ShardRecord {
        units = List.copyOf(units);
    }

    public Shard shard() {
        return new Shard(index, count);
    }

    public static ShardRecord read(Path file) {
        return Json.read(file, ShardRecord.class, "shard record");
    }

    public void write(Path file) {
        Json.write(file, this);
    }
}

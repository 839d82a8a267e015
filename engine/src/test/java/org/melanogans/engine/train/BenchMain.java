package org.melanogans.engine.train;

import org.melanogans.engine.experiment.ModelConfig;
import org.melanogans.engine.experiment.ModelType;
import org.melanogans.engine.experiment.TrainConfig;

class BenchMain {
    public static void main(String[] a) {
        int res = Integer.parseInt(a[0]);
        int base = res >= 256 ? 32 : 64;
        int intra = a.length > 3 ? Integer.parseInt(a[3]) : 2;
        int inter = a.length > 4 ? Integer.parseInt(a[4]) : 2;
        TrainConfig t = new TrainConfig(1, 8, 2e-4, 0.5, 0.999, 10, intra, inter, false);
        System.out.println(TrainingBenchmark.run(new ModelConfig("dcgan", ModelType.DCGAN, 64, base), t, res,
                Integer.parseInt(a[1]), Integer.parseInt(a[2]), 1).toJson());
    }
}

package org.melanogans.maven;

import java.nio.file.Path;
import java.util.List;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;
import org.melanogans.engine.UserException;
import org.melanogans.engine.tf.Natives;
import org.melanogans.engine.launch.NativesSource;
import org.melanogans.engine.tf.SessionOptions;

/**
 * The engine's TensorFlow natives through Maven's own resolver: from the local repository, else
 * from the build's plugin repositories into it (offline builds use what is there).
 */
final class NativesResolver implements NativesSource {
    private final RepositorySystem system;
    private final RepositorySystemSession session;
    private final List<RemoteRepository> repositories;

    NativesResolver(RepositorySystem system, RepositorySystemSession session, List<RemoteRepository> repositories) {
        this.system = system;
        this.session = session;
        this.repositories = repositories;
    }

    @Override
    public Path jar(String classifier) {
        DefaultArtifact natives = new DefaultArtifact(Natives.GROUP, Natives.ARTIFACT, classifier, "jar",
                SessionOptions.TENSORFLOW_VERSION);
        try {
            return system.resolveArtifact(session, new ArtifactRequest(natives, repositories, null)).getArtifact()
                    .getFile().toPath();
        } catch (ArtifactResolutionException e) {
            throw new UserException(natives + ": cannot resolve the TensorFlow natives for this machine ("
                    + e.getMessage() + "); check the connection to Maven Central, or install the jar into the local"
                    + " repository", e);
        }
    }
}

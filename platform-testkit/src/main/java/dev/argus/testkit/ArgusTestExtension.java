package dev.argus.testkit;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 extension behind {@link ArgusTest}: starts one {@link StartedArgus} per annotated class
 * before its {@code @BeforeAll} methods and stops it after the class, and resolves
 * {@link ArgusClient} parameters. Register it through the annotation.
 */
public final class ArgusTestExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ArgusTestExtension.class);
    private static final String KEY = "argus";

    @Override
    public void beforeAll(ExtensionContext context) {
        argus(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == ArgusClient.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return argus(context).client();
    }

    /** The Argus of the nearest class that carries {@link ArgusTest}, started on first use. */
    private static StartedArgus argus(ExtensionContext context) {
        ExtensionContext owner = annotatedClassContext(context)
                .orElseThrow(() -> new ExtensionConfigurationException("@ArgusTest is missing on " + context.getDisplayName()));
        ArgusTest settings = AnnotationSupport.findAnnotation(owner.getRequiredTestClass(), ArgusTest.class).orElseThrow();
        return owner.getStore(NAMESPACE).getOrComputeIfAbsent(KEY,
                key -> StartedArgus.start(List.of(settings.plugins()), List.of(settings.settings())), StartedArgus.class);
    }

    private static Optional<ExtensionContext> annotatedClassContext(ExtensionContext context) {
        for (Optional<ExtensionContext> c = Optional.of(context); c.isPresent(); c = c.get().getParent()) {
            ExtensionContext candidate = c.get();
            if (candidate.getTestMethod().isEmpty() && candidate.getTestClass().isPresent()
                    && AnnotationSupport.isAnnotated(candidate.getTestClass().get(), ArgusTest.class)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}

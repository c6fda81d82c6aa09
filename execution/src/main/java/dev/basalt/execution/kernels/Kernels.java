package dev.basalt.execution.kernels;

/**
 * Chooses the kernel implementation once per JVM: {@link VectorKernels} when the {@code jdk.incubator.vector}
 * module is in the boot layer (launchers pass {@code --add-modules=jdk.incubator.vector}) and the system property
 * {@code basalt.vector} is not {@code false}; otherwise {@link ScalarKernels}, so the engine still runs inside a
 * JVM we do not control (e.g. a JDBC driver).
 */
public final class Kernels
{
    public static final String VECTOR_PROPERTY = "basalt.vector";

    private static final KernelProvider INSTANCE = choose();

    private Kernels() {}

    /** The kernels every operator uses. A static final constant, so calls through it inline. */
    public static KernelProvider get()
    {
        return INSTANCE;
    }

    public static boolean isVectorized()
    {
        return !(INSTANCE instanceof ScalarKernels);
    }

    public static boolean vectorModulePresent()
    {
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    }

    public static KernelProvider scalar()
    {
        return new ScalarKernels();
    }

    /** The Vector API kernels; fails with IllegalStateException when the module is absent. */
    public static KernelProvider vector()
    {
        if (!vectorModulePresent()) {
            throw new IllegalStateException("the jdk.incubator.vector module is not present (start the JVM with --add-modules=jdk.incubator.vector)");
        }
        try {
            // Reflection keeps VectorKernels (and every jdk.incubator.vector reference) unloaded otherwise.
            return (KernelProvider) Class.forName("dev.basalt.execution.kernels.VectorKernels").getDeclaredConstructor().newInstance();
        }
        catch (ReflectiveOperationException | LinkageError e) {
            throw new IllegalStateException("cannot load the Vector API kernels: " + e, e);
        }
    }

    private static KernelProvider choose()
    {
        if ("false".equalsIgnoreCase(System.getProperty(VECTOR_PROPERTY, "true")) || !vectorModulePresent()) {
            return new ScalarKernels();
        }
        try {
            return vector();
        }
        catch (IllegalStateException e) {
            return new ScalarKernels();
        }
    }
}

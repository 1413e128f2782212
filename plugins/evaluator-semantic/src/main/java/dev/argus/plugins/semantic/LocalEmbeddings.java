package dev.argus.plugins.semantic;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;

/**
 * The in-process all-MiniLM-L6-v2 (quantized) sentence-embedding model shipped inside this plugin's
 * jar: ONNX Runtime for inference, DJL's Hugging Face tokenizer, 384 dimensions, no network. Loaded
 * once per plugin class loader on first use (about a second and 100 MB).
 */
final class LocalEmbeddings {

    private static volatile EmbeddingModel model;

    private LocalEmbeddings() {
    }

    /** The model, loading it on first call. */
    static EmbeddingModel model() {
        EmbeddingModel m = model;
        if (m == null) {
            synchronized (LocalEmbeddings.class) {
                m = model;
                if (m == null) {
                    m = load();
                    model = m;
                }
            }
        }
        return m;
    }

    private static EmbeddingModel load() {
        // DJL (the tokenizer) reads these before its first use: never call home, never download
        setIfAbsent("ai.djl.offline", "true");
        setIfAbsent("OPT_OUT_TRACKING", "true");
        System.setProperty("ai.djl.huggingface.native_helper", PluginLocalNativeLoader.class.getName());
        // DJL and the model find their native code and resources through the context class loader;
        // make it this plugin's loader even when the caller did not
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(LocalEmbeddings.class.getClassLoader());
        try {
            // run inference on the caller's thread: the host already runs evaluators on its own threads
            return new AllMiniLmL6V2QuantizedEmbeddingModel(Runnable::run);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}

"""nqpf: the data pipeline behind the new quality productive forces explainer."""

FROM redis:7
HEALTHCHECK --interval=10s --timeout=2s --start-period=2s --start-interval=500ms --retries=5 CMD ["redis-cli", "ping"]

"""Prometheus metrics, one registry per application so tests can run several apps."""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest


class Metrics:
    def __init__(self) -> None:
        self.registry = CollectorRegistry(auto_describe=True)
        self.updates = Counter(
            "steward_updates_total", "Updates handled, by type and outcome",
            ["type", "outcome"], registry=self.registry,
        )
        self.latency = Histogram(
            "steward_handler_seconds", "Time to handle one update",
            buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
            registry=self.registry,
        )
        self.outbox_backlog = Gauge(
            "steward_outbox_backlog", "Notices waiting to be sent", registry=self.registry
        )
        self.outbox_sent = Counter(
            "steward_outbox_sent_total", "Notices delivered", registry=self.registry
        )
        self.outbox_failed = Counter(
            "steward_outbox_failed_total", "Delivery attempts that failed and will be retried",
            ["reason"], registry=self.registry,
        )
        self.outbox_dead = Counter(
            "steward_outbox_dead_total", "Notices given up on", ["reason"], registry=self.registry
        )
        self.leader = Gauge(
            "steward_leader", "1 while this instance runs the scheduler and the sender",
            registry=self.registry,
        )
        self.parked = Gauge(
            "steward_parked_updates", "Updates kept while the database is unavailable",
            registry=self.registry,
        )
        self.throttled = Counter(
            "steward_throttled_total", "Updates dropped by the anti-flood limit",
            registry=self.registry,
        )

    def render(self) -> bytes:
        return generate_latest(self.registry)

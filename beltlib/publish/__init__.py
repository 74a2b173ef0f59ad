"""Publishing the report as pages: one offline static HTML file (:mod:`.static`) or an
interactive page that computes in the browser with no server (:mod:`.interactive`)."""
from .static import PublishError, publish, publish_cli

__all__ = ["PublishError", "publish", "publish_cli"]

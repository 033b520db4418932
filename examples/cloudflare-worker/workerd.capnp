# Serves the bundled Worker on 127.0.0.1:8080 with workerd, the runtime Cloudflare runs it on:
# `pnpm start` bundles worker.ts into dist/worker.js, then runs `workerd serve workerd.capnp`.
using Workerd = import "/workerd/workerd.capnp";

const config :Workerd.Config = (
  services = [(name = "main", worker = .worker)],
  sockets = [(name = "http", address = "127.0.0.1:8080", http = (), service = "main")],
);

const worker :Workerd.Worker = (
  modules = [(name = "worker.js", esModule = embed "dist/worker.js")],
  compatibilityDate = "2025-09-01",
  # What `wrangler secret put` gives the deployed Worker, taken here from the environment
  # workerd runs in; unset, a binding is null and the Worker uses its local default.
  bindings = [
    (name = "TELEGRAM_SECRET_TOKEN", fromEnvironment = "TELEGRAM_SECRET_TOKEN"),
    (name = "VIBER_AUTH_TOKEN", fromEnvironment = "VIBER_AUTH_TOKEN"),
  ],
);

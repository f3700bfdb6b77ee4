// Stands in for the server-only package in dist/ (scripts/build-server.mjs).

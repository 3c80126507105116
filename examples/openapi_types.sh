#!/bin/sh
# TypeScript types for the whole API, generated from its OpenAPI document by openapi-typescript
# (https://openapi-ts.dev): every page type, every StreamField block as a discriminated union.
#
#   examples/openapi_types.sh https://example.org/api/v2/openapi.json src/api-types.ts
#
# Then, in TypeScript:
#
#   import type { components } from "./api-types";
#   type Program = components["schemas"]["programs.PartnerProgramPage"];
#   type Block = NonNullable<Program["body"]>[number];
#   function render(block: Block) {
#     switch (block.type) {               // narrows block.value to that block's shape
#       case "heading": return `<${block.value.level}>${block.value.text}</${block.value.level}>`;
#       case "partner_grid": return block.value.partners.map((p) => p?.name).join(", ");
#     }
#   }
#
# Needs Node.js 18+; npx fetches openapi-typescript into npm's cache (no node_modules here).
set -eu

SCHEMA="${1:-http://127.0.0.1:8000/api/v2/openapi.json}"
OUTPUT="${2:-api-types.ts}"

npx --yes openapi-typescript@7 "$SCHEMA" --output "$OUTPUT"

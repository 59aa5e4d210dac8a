#!/usr/bin/env node
import { ensureBuilt } from '../scripts/ensure-built.js';

ensureBuilt();
await import('../out/main/cli.js');

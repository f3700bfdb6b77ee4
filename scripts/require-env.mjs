// node scripts/require-env.mjs NAME: stops with one clear line when NAME is not set.
const name = process.argv[2];
if (!process.env[name]?.trim()) {
  console.error(`${name} is not set. Example: ${name}=postgresql://postgres@127.0.0.1:5432/postgres npm run test:pg`);
  process.exit(1);
}

// A kelurahan page loads with the same skeleton as the transparency overview.
export { default } from "../../(overview)/loading.tsx";

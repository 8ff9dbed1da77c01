// hash-wasm's BLAKE2b alone (one small WebAssembly module), imported by path: the package's index
// carries every algorithm's WebAssembly, which costs start-up time and memory for nothing.
declare module 'hash-wasm/dist/blake2b.umd.min.js' {
  export { createBLAKE2b } from 'hash-wasm';
}

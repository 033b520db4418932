// Express 4 is installed for the tests as `express4`; Express 5's types cover every call they
// make of it.
declare module 'express4' {
  import express from 'express'
  export default express
}

// Jest with miniprogram-simulate (components and pages rendered in jsdom); wx.* is replaced at the
// boundary by test/support/wx.js. The contract test reads the server's OpenAPI document written by the
// app-server build (app-server/target/openapi.json).
module.exports = {
  testEnvironment: 'jsdom',
  roots: ['<rootDir>/test'],
  setupFilesAfterEnv: ['<rootDir>/test/support/setup.js'],
  testTimeout: 20000,
};

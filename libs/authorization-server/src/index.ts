export { createApp } from './lib/bootstrap/create-app';

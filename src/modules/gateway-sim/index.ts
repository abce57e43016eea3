export { gatewayErrors } from './errors.ts';
export { createSimulatedGateway, signWebhook, testCards, THREE_DS_CODE, luhnValid, type SimulatedGateway } from './service.ts';
export { simulatedGatewayRoutes } from './routes.ts';

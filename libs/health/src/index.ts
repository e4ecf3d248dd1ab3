export { answerReadiness, READINESS_RETRY_AFTER_SECONDS, type ReadinessReply } from './lib/answer-readiness';

import { DomainError } from '../../common/domain-error';

/** The configured encoder folder cannot be used (missing files, bad config, bad ONNX graph). */
export class EncoderError extends DomainError {
  constructor(message: string) {
    super('ENCODER_UNAVAILABLE', message, 500);
  }
}

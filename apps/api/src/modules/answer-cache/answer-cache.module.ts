import { Module } from '@nestjs/common';
import { AnswerCachePlugin } from './answer-cache.plugin.js';

/** Kept answers for the web's everyday reads (an Apollo plugin, found by @nestjs/apollo among the providers). */
@Module({ providers: [AnswerCachePlugin] })
export class AnswerCacheModule {}

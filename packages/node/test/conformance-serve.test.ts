import { describeConformance, inProcessTarget } from '@chathooks/conformance'
import { serve } from '../src/index.ts'

describeConformance(
  '@chathooks/node serve',
  inProcessTarget((mounts) => serve(mounts, { port: 0 })),
)

/**
 * A site adapter for GPU servers that caps power with {@code nvidia-smi}: {@link
 * io.gridshift.agent.gpu.GpuPowerAdapter}, configured by {@link
 * io.gridshift.agent.gpu.GpuAdapterOptions}.
 *
 * <ul>
 *   <li>{@link io.gridshift.agent.gpu.NvidiaSmi} runs the tool through a {@link
 *       io.gridshift.agent.gpu.CommandRunner} (argument lists, never a shell; a timeout) and turns
 *       its failures into errors that quote it.
 *   <li>The reduction offered is the board power above each GPU's floor that its limit can still
 *       remove; it is spread over the GPUs in proportion to that headroom.
 *   <li>Capping is off until the operator sets {@code allowPowerLimit}: it needs root and slows
 *       every job on the board.
 * </ul>
 *
 * <p>Not here yet: pausing or suspending jobs on GPUs (a scheduler's work, for the Slurm and
 * Kubernetes adapters), a facility meter instead of the constant PUE, and keeping remembered limits
 * on disk across an agent restart.
 */
package io.gridshift.agent.gpu;

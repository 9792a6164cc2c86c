// A dashed edge with an arrow head, for inferred relations. Sigma 3 draws no
// dashed lines (jacomyal/sigma.js#1497), so this is its clamped edge program
// with one varying more: how far along the edge a fragment lies, in pixels;
// the fragment shader leaves the gaps out. Picking stays solid, so a gap
// still answers a click.

import type { Attributes } from 'graphology-types';
import { createEdgeArrowHeadProgram, createEdgeClampedProgram, createEdgeCompoundProgram, type EdgeProgramType } from 'sigma/rendering';
import type { RenderParams } from 'sigma/types';

const DASH = 6;
const GAP = 4;

// sigma's edge.clamped vertex shader, plus u_resolution and v_along
const VERTEX_SHADER = /* glsl */ `
attribute vec4 a_id;
attribute vec4 a_color;
attribute vec2 a_normal;
attribute float a_normalCoef;
attribute vec2 a_positionStart;
attribute vec2 a_positionEnd;
attribute float a_positionCoef;
attribute float a_radius;
attribute float a_radiusCoef;

uniform mat3 u_matrix;
uniform float u_zoomRatio;
uniform float u_sizeRatio;
uniform float u_pixelRatio;
uniform float u_correctionRatio;
uniform float u_minEdgeThickness;
uniform float u_lengthToThicknessRatio;
uniform float u_feather;
uniform vec2 u_resolution;

varying vec4 v_color;
varying vec2 v_normal;
varying float v_thickness;
varying float v_feather;
varying float v_along;

const float bias = 255.0 / 254.0;

void main() {
  float minThickness = u_minEdgeThickness;
  float radius = a_radius * a_radiusCoef;
  vec2 normal = a_normal * a_normalCoef;
  vec2 position = a_positionStart * (1.0 - a_positionCoef) + a_positionEnd * a_positionCoef;
  float normalLength = length(normal);
  vec2 unitNormal = normal / normalLength;
  float pixelsThickness = max(normalLength, minThickness * u_sizeRatio);
  float webGLThickness = pixelsThickness * u_correctionRatio / u_sizeRatio;
  float direction = sign(radius);
  float webGLNodeRadius = direction * radius * 2.0 * u_correctionRatio / u_sizeRatio;
  float webGLArrowHeadLength = webGLThickness * u_lengthToThicknessRatio * 2.0;
  vec2 compensationVector = vec2(-direction * unitNormal.y, direction * unitNormal.x) * (webGLNodeRadius + webGLArrowHeadLength);
  gl_Position = vec4((u_matrix * vec3(position + unitNormal * webGLThickness + compensationVector, 1)).xy, 0, 1);

  vec2 start = (u_matrix * vec3(a_positionStart, 1)).xy;
  vec2 end = (u_matrix * vec3(a_positionEnd, 1)).xy;
  v_along = a_positionCoef * length((end - start) * u_resolution * 0.5);

  v_thickness = webGLThickness / u_zoomRatio;
  v_normal = unitNormal;
  v_feather = u_feather * u_correctionRatio / u_zoomRatio / u_pixelRatio * 2.0;
  #ifdef PICKING_MODE
  v_color = a_id;
  #else
  v_color = a_color;
  #endif
  v_color.a *= bias;
}
`;

// sigma's edge fragment shader, leaving out every gap
const FRAGMENT_SHADER = /* glsl */ `
precision mediump float;

varying vec4 v_color;
varying vec2 v_normal;
varying float v_thickness;
varying float v_feather;
varying float v_along;

const vec4 transparent = vec4(0.0, 0.0, 0.0, 0.0);

void main(void) {
  #ifdef PICKING_MODE
  gl_FragColor = v_color;
  #else
  if (mod(v_along, ${(DASH + GAP).toFixed(1)}) > ${DASH.toFixed(1)}) discard;
  float dist = length(v_normal) * v_thickness;
  float t = smoothstep(v_thickness - v_feather, v_thickness, dist);
  gl_FragColor = mix(v_color, transparent, t);
  #endif
}
`;

interface ProgramInfo {
  gl: WebGLRenderingContext | WebGL2RenderingContext;
  uniformLocations: Record<string, WebGLUniformLocation>;
}

interface EdgeProgramClass {
  new (...args: never[]): {
    getDefinition(): { UNIFORMS: string[] };
    setUniforms(params: RenderParams, programInfo: ProgramInfo): void;
  };
}

const Clamped = createEdgeClampedProgram() as unknown as EdgeProgramClass;

class EdgeDashedClampedProgram extends Clamped {
  override getDefinition() {
    const definition = super.getDefinition();
    return { ...definition, VERTEX_SHADER_SOURCE: VERTEX_SHADER, FRAGMENT_SHADER_SOURCE: FRAGMENT_SHADER, UNIFORMS: [...definition.UNIFORMS, 'u_resolution'] };
  }

  override setUniforms(params: RenderParams, programInfo: ProgramInfo): void {
    super.setUniforms(params, programInfo);
    const location = programInfo.uniformLocations.u_resolution;
    if (location) programInfo.gl.uniform2f(location, params.width, params.height);
  }
}

export const EdgeDashedArrowProgram: EdgeProgramType<Attributes, Attributes, Attributes> = createEdgeCompoundProgram([
  EdgeDashedClampedProgram as unknown as EdgeProgramType,
  createEdgeArrowHeadProgram(),
]);

import { ApiError } from "@/lib/api/errors.ts";
import { errorResponse } from "@/lib/api/respond.ts";

// Any other address under /api/v1: a JSON 404 whatever the method, so API clients never get an HTML page.
const notFound = async (request: Request) => errorResponse(request, new ApiError("not_found"));
export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE, notFound as OPTIONS };
